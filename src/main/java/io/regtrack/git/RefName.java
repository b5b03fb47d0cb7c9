package io.regtrack.git;

/**
 * A branch or tag name that git itself would accept (the rules of {@code git check-ref-format}),
 * at most 255 characters: no control characters, spaces or {@code ~^:?*[\}, no {@code ..} or
 * {@code @{}, no component that starts with '.' or ends with {@code .lock}, no leading '-' and
 * no leading, trailing or doubled '/'.
 */
public record RefName(String value) {

    public static final String RULE = "must be a valid git ref name (no spaces, control characters, "
            + "'..', '~', '^', ':', '?', '*', '[', '\\', '@{', leading '-' or '/', or trailing '/', '.' or '.lock')";

    public RefName {
        if (!isValid(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > 255 || name.equals("@")) {
            return false;
        }
        if (name.startsWith("-")
                || name.startsWith("/")
                || name.endsWith("/")
                || name.endsWith(".")
                || name.contains("..")
                || name.contains("//")
                || name.contains("@{")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0) {
                return false;
            }
        }
        for (String component : name.split("/")) {
            if (component.startsWith(".") || component.endsWith(".lock")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
