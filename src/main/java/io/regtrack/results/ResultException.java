package io.regtrack.results;

/**
 * A malformed attachment, or a malformed history file being imported. {@link #place()} says where in it (a JSON pointer such as {@code /results/2/times/3}, or
 * {@code line 14} for text; empty for the attachment as a whole) and the message says what is wrong. Both are safe to
 * show to a client: they never echo more than {@value #ECHO} characters of the input.
 */
public final class ResultException extends RuntimeException {

    /** The most characters of the input a place or message repeats. */
    static final int ECHO = 60;

    private final String place;

    public ResultException(String place, String message) {
        super(message);
        this.place = place == null ? "" : place;
    }

    /** Where in the attachment the problem is: a JSON pointer, {@code line N}, or empty for the whole attachment. */
    public String place() {
        return place;
    }

    /** A piece of the input, cut to {@value #ECHO} characters, for a message. */
    public static String echo(String input) {
        if (input == null) {
            return "";
        }
        return input.length() <= ECHO ? input : input.substring(0, ECHO - 1) + "…";
    }
}
