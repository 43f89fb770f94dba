package dev.ficus.sync.eav;

/** A product attribute as eav_attribute describes it: its code and the value table its values live in. */
public record Attribute(int id, String code, String backendType) {
    public boolean isStatic() {
        return "static".equals(backendType);
    }
}
