package dev.hz.testing.security;

import com.hazelcast.client.impl.ClientEngine;
import com.hazelcast.client.impl.statistics.ClientStatistics;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.metrics.MetricConsumer;
import com.hazelcast.internal.metrics.MetricDescriptor;
import com.hazelcast.internal.metrics.impl.MetricsCompressor;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.util.Map;
import java.util.UUID;

/**
 * EntryProcessor (factory 74, class 1, no fields) that returns, as a JSON string, the client statistics
 * the member it runs on has received: for every client uuid, the timestamp, the attribute string and the
 * metrics decoded from the blob with the member's own decoder (MetricsCompressor.extractMetrics), which
 * is what Management Center reads. The entry is not touched.
 */
public class ClientStatisticsReader
        implements EntryProcessor<Object, Object, String>, IdentifiedDataSerializable, HazelcastInstanceAware {
    public static final int CLASS_ID = 1;

    private transient HazelcastInstance instance;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public String process(Map.Entry<Object, Object> entry) {
        StringBuilder json = new StringBuilder("{\"clients\":[");
        boolean first = true;
        for (Map.Entry<UUID, ClientStatistics> client : clientEngine().getClientStatistics().entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            ClientStatistics statistics = client.getValue();
            json.append("{\"uuid\":");
            string(json, client.getKey().toString());
            json.append(",\"timestamp\":").append(statistics.timestamp());
            json.append(",\"attributes\":");
            string(json, statistics.clientAttributes());
            json.append(",\"metrics\":[");
            StringBuilder metrics = new StringBuilder();
            MetricsCompressor.extractMetrics(statistics.metricsBlob(), new MetricConsumer() {
                @Override
                public void consumeLong(MetricDescriptor descriptor, long value) {
                    metric(metrics, descriptor).append(",\"long\":\"").append(value).append("\"}");
                }

                @Override
                public void consumeDouble(MetricDescriptor descriptor, double value) {
                    metric(metrics, descriptor).append(",\"double\":").append(value).append('}');
                }
            });
            json.append(metrics).append("]}");
        }
        return json.append("]}").toString();
    }

    private ClientEngine clientEngine() {
        HazelcastInstance target = instance;
        if (target instanceof HazelcastInstanceProxy) {
            target = ((HazelcastInstanceProxy) target).getOriginal();
        }
        return ((HazelcastInstanceImpl) target).node.getClientEngine();
    }

    private static StringBuilder metric(StringBuilder out, MetricDescriptor descriptor) {
        if (out.length() > 0) {
            out.append(',');
        }
        out.append("{\"prefix\":");
        string(out, descriptor.prefix());
        out.append(",\"metric\":");
        string(out, descriptor.metric());
        out.append(",\"discriminator\":");
        string(out, descriptor.discriminator());
        out.append(",\"discriminatorValue\":");
        string(out, descriptor.discriminatorValue());
        out.append(",\"unit\":");
        string(out, descriptor.unit() == null ? null : descriptor.unit().name());
        out.append(",\"tagCount\":").append(descriptor.tagCount());
        return out;
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    @Override
    public int getFactoryId() {
        return SecurityFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
