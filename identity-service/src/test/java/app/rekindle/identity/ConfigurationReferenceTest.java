package app.rekindle.identity;

import app.rekindle.support.testing.ConfigurationReferenceContract;

/** docs/configuration.md lists every rekindle.* property the identity service reads. */
class ConfigurationReferenceTest extends ConfigurationReferenceContract {}
