package dev.ficus.services.runtime;

/** An HTTP answer of a read endpoint: a status and a JSON body, already rendered the way Magento renders it. */
public record Answer(int status, String json) {
    public static Answer ok(String json) {
        return new Answer(200, json);
    }
}
