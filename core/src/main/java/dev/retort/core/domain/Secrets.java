package dev.retort.core.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks passwords in JDBC URLs and messages before they reach a user or a log. */
public final class Secrets {
    // Greedy up to the last '@' before the path: users paste passwords with a raw '@' in them.
    private static final Pattern USERINFO = Pattern.compile("(//[^/:@\\s]*:)([^/\\s]+)(@)");
    // A value already masked is left alone, and trailing punctuation (": Connection refused") is not
    // taken for part of the password, so masking twice changes nothing.
    private static final Pattern PARAM = Pattern.compile("(?i)((?:password|passwd|pwd)=)(?!\\*\\*\\*(?:[&;\\s:,.)]|$))([^&;\\s]*[^&;\\s:,.)])");

    private Secrets() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***" + m.group(3)));
        return PARAM.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***"));
    }

    /**
     * The passwords a JDBC URL carries ({@code user:pw@} and {@code password=pw}), so callers can
     * mask them literally even where a driver echoes them out of context.
     */
    public static java.util.List<String> passwordsIn(String url) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (url == null) {
            return out;
        }
        Matcher user = Pattern.compile("//[^/:@\\s]*:(.+)@[^@]*$").matcher(url.split("[?;]", 2)[0]);
        if (user.find() && !user.group(1).isEmpty()) {
            out.add(user.group(1));
        }
        Matcher param = Pattern.compile("(?i)(?:password|passwd|pwd)=([^&;\\s]+)").matcher(url);
        while (param.find()) {
            out.add(param.group(1));
        }
        return out;
    }

    /** Masks {@code text}, then every password in {@code passwords} literally. */
    public static String maskAll(String text, java.util.Collection<String> passwords) {
        String masked = mask(text);
        if (masked != null) {
            for (String pw : passwords) {
                if (pw != null && pw.length() >= 3) {
                    masked = masked.replace(pw, "***");
                }
            }
        }
        return masked;
    }

    public static String mask(String text, String password) {
        String masked = mask(text);
        if (masked != null && password != null && !password.isEmpty()) {
            masked = masked.replace(password, "***");
        }
        return masked;
    }
}
