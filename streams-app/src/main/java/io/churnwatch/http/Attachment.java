package io.churnwatch.http;

import io.churnwatch.ops.Monitoring;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The running pipeline the server answers for, once {@link OpsServer#attach} was called.
 *
 * @param self this instance's {@code application.server}, as the other instances know it
 */
record Attachment(KafkaStreams streams, HostInfo self, Monitoring monitoring, AccountQueries queries,
                  Forwarder forwarder) {
}
