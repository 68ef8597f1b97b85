package app.rekindle.command.access;

import app.rekindle.command.eventstore.StoredEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Every request about one journal passes the owner check before anything loads the journal. */
@Configuration(proxyBeanMethods = false)
class AccessConfig implements WebMvcConfigurer {

    private final JournalOwners owners;

    AccessConfig(JournalOwners owners) {
        this.owners = owners;
    }

    @Bean
    static JournalOwners journalOwners(StoredEvents store, JsonMapper json) {
        return new JournalOwners(store, json);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new JournalOwnerCheck(owners)).addPathPatterns("/journals/*", "/journals/*/**");
    }
}
