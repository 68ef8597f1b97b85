package app.rekindle.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void clean_parameters_pass() {
        assertThat(QueryParameters.check("q=caf%C3%A9+au+lait&limit=20&flag", 100))
                .isNull();
        assertThat(QueryParameters.check(null, 100)).isNull();
    }

    @Test
    void the_first_bad_parameter_is_named_with_its_rule() {
        assertThat(error(QueryParameters.check("limit=20&q=%00", 100)))
                .containsEntry("field", "q")
                .containsEntry("rule", "characters");
        assertThat(error(QueryParameters.check("reason=%E2%80%AEexe", 100))).containsEntry("rule", "characters");
        assertThat(error(QueryParameters.check("q=" + "x".repeat(11), 10))).containsEntry("rule", "max-length");
    }

    @Test
    void malformed_encodings_are_refused_rather_than_repaired() {
        assertThat(QueryParameters.decode("%ED%A0%80")).isNull();
        assertThat(QueryParameters.decode("%FF")).isNull();
        assertThat(QueryParameters.decode("%2")).isNull();
        assertThat(QueryParameters.decode("caf%C3%A9")).isEqualTo("café");
        assertThat(error(QueryParameters.check("%ZZ=1", 100))).containsEntry("field", "query");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> error(Map<String, Object> problem) {
        assertThat(problem).isNotNull();
        return ((List<Map<String, String>>) problem.get("errors")).getFirst();
    }
}
