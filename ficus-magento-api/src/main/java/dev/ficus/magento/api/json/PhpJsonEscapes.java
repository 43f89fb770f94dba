package dev.ficus.magento.api.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * String escaping as PHP's json_encode does it without flags, which is how Magento's REST renderer calls it:
 * "/" becomes "\/", every non-ASCII UTF-16 unit becomes a lowercase "\\u00e9" escape (so emoji become surrogate
 * pairs), control characters other than \b \f \n \r \t are lowercase "\\u001f".
 */
final class PhpJsonEscapes extends CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapes();

    private static int[] standardAsciiEscapes() {
        int[] esc = CharacterEscapes.standardAsciiEscapesForJSON();
        esc['/'] = ESCAPE_CUSTOM;
        for (int c = 0; c < 32; c++) {
            if (c != '\b' && c != '\f' && c != '\n' && c != '\r' && c != '\t') {
                esc[c] = ESCAPE_CUSTOM;
            }
        }
        return esc;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch == '/') {
            return new SerializedString("\\/");
        }
        if (ch < 32 || ch > 127) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
