package dev.ficus.tools;

import dev.ficus.magento.fixture.FixtureProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --profile small|medium|large}, with the profile's own message for anything else. */
final class FixtureProfileConverter implements ITypeConverter<FixtureProfile> {
    @Override
    public FixtureProfile convert(String value) {
        try {
            return FixtureProfile.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
