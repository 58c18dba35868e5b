package dev.hz.testing;

import com.hazelcast.map.MapLoader;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A MapLoader over a fixed data set, for tests of IMap.loadAll, read-through gets and LOADED entry events:
 * keys "loaded-0" … "loaded-9", each loading the value "value-of-" + key. Other keys do not exist.
 */
public final class SampleMapLoader implements MapLoader<String, String> {
    private static final int SIZE = 10;

    @Override
    public String load(String key) {
        return key.startsWith("loaded-") && keys().contains(key) ? "value-of-" + key : null;
    }

    @Override
    public Map<String, String> loadAll(Collection<String> keys) {
        Map<String, String> result = new HashMap<>();
        for (String key : keys) {
            String value = load(key);
            if (value != null) {
                result.put(key, value);
            }
        }
        return result;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return keys();
    }

    private static java.util.List<String> keys() {
        return IntStream.range(0, SIZE).mapToObj(i -> "loaded-" + i).collect(Collectors.toList());
    }
}
