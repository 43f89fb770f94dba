package dev.ficus.magento.rest;

/**
 * Who may call a route, from its webapi.xml ACL: anyone, the catalog (an admin token, or anyone when anonymous guest
 * access is on), an admin/integration token holding the resource, or the customer whose token it is ("self").
 */
public record Access(Kind kind, String resource) {
    public enum Kind { ANONYMOUS, CATALOG_READ, ADMIN, SELF }

    public static Access anonymous() {
        return new Access(Kind.ANONYMOUS, "anonymous");
    }

    public static Access catalogRead(String resource) {
        return new Access(Kind.CATALOG_READ, resource);
    }

    public static Access admin(String resource) {
        return new Access(Kind.ADMIN, resource);
    }

    public static Access self() {
        return new Access(Kind.SELF, "self");
    }
}
