package io.regtrack.cargo;

/** Profile inputs Cargo itself would refuse: bad TOML, an unknown profile, a value out of range. */
public class CargoProfileException extends RuntimeException {

    private final String field;

    public CargoProfileException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Which input is wrong, in the upload's terms, e.g. {@code profile.manifest}. */
    public String field() {
        return field;
    }
}
