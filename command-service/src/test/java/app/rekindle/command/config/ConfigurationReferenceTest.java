package app.rekindle.command.config;

import app.rekindle.support.testing.ConfigurationReferenceContract;

/** docs/configuration.md lists every rekindle.* property the command-service reads. */
class ConfigurationReferenceTest extends ConfigurationReferenceContract {}
