package app.rekindle.query.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one way a read parameter becomes an instant or a day: strict ISO-8601 (no epoch numbers, which Spring's
 * own instant parser accepts) and inside {@link ReadWindow}. Every {@code Instant} and {@code LocalDate}
 * request parameter of every read goes through here, so a new read cannot forget the window. A value outside
 * reaches {@link ProblemHandler} as a type mismatch carrying the parameter's name and {@link OutsideReadWindow}.
 */
@Configuration(proxyBeanMethods = false)
class ReadParameterFormats implements WebMvcConfigurer {

    /** A parameter that parsed but lies outside the readable window. */
    static final class OutsideReadWindow extends IllegalArgumentException {
        OutsideReadWindow() {
            super(ReadWindow.message());
        }
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) {
                Instant instant = Instant.parse(text);
                if (!ReadWindow.admits(instant)) {
                    throw new OutsideReadWindow();
                }
                return instant;
            }

            @Override
            public String print(Instant value, Locale locale) {
                return value.toString();
            }
        });
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) {
                LocalDate day = LocalDate.parse(text);
                if (!ReadWindow.admits(day)) {
                    throw new OutsideReadWindow();
                }
                return day;
            }

            @Override
            public String print(LocalDate value, Locale locale) {
                return value.toString();
            }
        });
    }
}
