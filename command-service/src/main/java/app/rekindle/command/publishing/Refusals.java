package app.rekindle.command.publishing;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Which send failures are Kafka refusing one record for good (too large, invalid): sending it again cannot help, so
 * its journal is parked and the others flow on. Everything else is retried as a batch, as when the broker is down:
 * retriable errors, timeouts, and non-retriable ones that would refuse every journal alike (authorization, an
 * unknown topic name, the producer's own state) — parking all of them would only hide an outage.
 */
final class Refusals {

    private Refusals() {}

    static boolean refusesTheRecord(Throwable failure) {
        return failure instanceof ApiException
                && !(failure instanceof RetriableException)
                && !(failure instanceof AuthenticationException)
                && !(failure instanceof AuthorizationException)
                && !(failure instanceof InvalidTopicException)
                && !(failure instanceof UnsupportedVersionException)
                && !(failure instanceof ProducerFencedException)
                && !(failure instanceof OutOfOrderSequenceException)
                && !(failure instanceof UnknownProducerIdException);
    }
}
