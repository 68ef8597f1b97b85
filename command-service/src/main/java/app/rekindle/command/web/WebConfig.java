package app.rekindle.command.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final JournalOwners owners;

    WebConfig(JournalOwners owners) {
        this.owners = owners;
    }

    @Bean
    static JournalOwners journalOwners(JdbcClient jdbc, JsonMapper json) {
        return new JournalOwners(jdbc, json);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new JournalOwnerCheck(owners)).addPathPatterns("/journals/*", "/journals/*/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandContextResolver());
    }
}
