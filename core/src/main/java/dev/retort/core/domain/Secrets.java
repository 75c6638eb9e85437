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

    public static String mask(String text, String password) {
        String masked = mask(text);
        if (masked != null && password != null && !password.isEmpty()) {
            masked = masked.replace(password, "***");
        }
        return masked;
    }
}
