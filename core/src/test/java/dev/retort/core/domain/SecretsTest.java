package dev.retort.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://app:s3cret@db:5432/app | jdbc:postgresql://app:***@db:5432/app",
            "postgres://app:s3cret@db/app?sslmode=require | postgres://app:***@db/app?sslmode=require",
            "jdbc:mysql://root:p%40ss@localhost/x | jdbc:mysql://root:***@localhost/x",
            "jdbc:postgresql://app:p@ss@db/app | jdbc:postgresql://app:***@db/app",
            "jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true | jdbc:postgresql://db/app?user=app&password=***&ssl=true",
            "jdbc:sqlserver://db;user=sa;password=s3cret;encrypt=false | jdbc:sqlserver://db;user=sa;password=***;encrypt=false",
            "jdbc:mysql://db/x?PASSWORD=abc | jdbc:mysql://db/x?PASSWORD=***",
            "jdbc:mysql://db/x?pwd=abc&passwd=def | jdbc:mysql://db/x?pwd=***&passwd=***",
            "jdbc:sqlite:app.db | jdbc:sqlite:app.db",
            "jdbc:postgresql://app@db/app | jdbc:postgresql://app@db/app",
            "jdbc:postgresql://db:5432/app | jdbc:postgresql://db:5432/app",
            "connect to jdbc:postgresql://u:pw@h/d failed; retry jdbc:postgresql://u:pw2@h/d | connect to jdbc:postgresql://u:***@h/d failed; retry jdbc:postgresql://u:***@h/d"})
    void masks_passwords_in_urls_and_messages(String text, String masked) {
        assertEquals(masked, Secrets.mask(text));
    }

    @Test
    void null_stays_null() {
        assertNull(Secrets.mask(null));
        assertNull(Secrets.mask(null, "x"));
    }

    @Test
    void known_password_is_masked_anywhere() {
        assertEquals("login failed for app with ***", Secrets.mask("login failed for app with hunter2", "hunter2"));
        assertEquals("no secret here", Secrets.mask("no secret here", ""));
        assertEquals("no secret here", Secrets.mask("no secret here", null));
    }

    @Test
    void replacement_text_with_dollar_signs_is_kept_literal() {
        assertEquals("jdbc:postgresql://u:***@h/d", Secrets.mask("jdbc:postgresql://u:pa$1ss@h/d"));
        assertEquals("x?password=***", Secrets.mask("x?password=$1\\"));
    }

    @Property(tries = 200)
    void masked_url_never_contains_the_password(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String user,
                                                @ForAll @StringLength(min = 4, max = 16) @AlphaChars @NumericChars String password) {
        String url = "jdbc:postgresql://" + user + ":" + password + "@db.example.com:5432/app";
        assertFalse(Secrets.mask(url).contains(":" + password + "@"), Secrets.mask(url));
        String query = "jdbc:postgresql://db/app?user=" + user + "&password=" + password;
        assertFalse(Secrets.mask(query).endsWith("=" + password), Secrets.mask(query));
    }

    @org.junit.jupiter.api.Test
    void masking_twice_changes_nothing_more() {
        String once = Secrets.mask("Cannot connect to jdbc:postgresql://h/db?user=u&password=pw: Connection refused");
        org.junit.jupiter.api.Assertions.assertEquals("Cannot connect to jdbc:postgresql://h/db?user=u&password=***: Connection refused", once);
        org.junit.jupiter.api.Assertions.assertEquals(once, Secrets.mask(once));
    }
}
