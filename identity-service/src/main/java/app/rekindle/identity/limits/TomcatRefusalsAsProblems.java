package app.rekindle.identity.limits;

import app.rekindle.support.web.TomcatRefusals;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** A request Tomcat refuses before the provider sees it gets the same problem+json as in the other services. */
@Configuration(proxyBeanMethods = false)
@Import(TomcatRefusals.class)
class TomcatRefusalsAsProblems {}
