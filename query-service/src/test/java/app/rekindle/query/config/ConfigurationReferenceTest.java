package app.rekindle.query.config;

import app.rekindle.support.testing.ConfigurationReferenceContract;

/** docs/configuration.md lists every rekindle.* property the query-service reads. */
class ConfigurationReferenceTest extends ConfigurationReferenceContract {}
