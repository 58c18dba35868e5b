package dev.hz.testing.collections;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.SynchronousQueue;

/** The named Java collection values the tests compare with (see README.md for each one's content). */
final class CollectionSamples {
    private CollectionSamples() {
    }

    static Object sample(String name) {
        List<String> ab = Arrays.asList("a", "b");
        switch (name) {
            case "ArrayList":
                return new ArrayList<>(Arrays.asList(1, "two", null, 3.5));
            case "LinkedList":
                return new LinkedList<>(ab);
            case "CopyOnWriteArrayList":
                return new CopyOnWriteArrayList<>(ab);
            case "HashMap":
                return fill(new HashMap<>());
            case "ConcurrentSkipListMap":
                return fill(new ConcurrentSkipListMap<>());
            case "ConcurrentHashMap":
                return fill(new ConcurrentHashMap<>());
            case "LinkedHashMap":
                return fill(new LinkedHashMap<>());
            case "TreeMap":
                return fill(new TreeMap<>());
            case "HashSet":
                return new HashSet<>(Arrays.asList("x", "y"));
            case "TreeSet":
                return new TreeSet<>(Arrays.asList("y", "x"));
            case "LinkedHashSet":
                return new LinkedHashSet<>(Arrays.asList("y", "x"));
            case "CopyOnWriteArraySet":
                return new CopyOnWriteArraySet<>(Arrays.asList("x", "y"));
            case "ConcurrentSkipListSet":
                return new ConcurrentSkipListSet<>(Arrays.asList("y", "x"));
            case "ArrayDeque":
                return new ArrayDeque<>(ab);
            case "LinkedBlockingQueue":
                return new LinkedBlockingQueue<>(ab);
            case "ArrayBlockingQueue":
                return new ArrayBlockingQueue<>(2, false, ab);
            case "PriorityBlockingQueue":
                return new PriorityBlockingQueue<>(Arrays.asList("b", "a"));
            case "DelayQueue":
                return new DelayQueue<>();
            case "SynchronousQueue":
                return new SynchronousQueue<>();
            case "LinkedTransferQueue":
                return new LinkedTransferQueue<>(ab);
            case "PriorityQueue":
                return new PriorityQueue<>(Arrays.asList("b", "a"));
            case "Optional":
                return Optional.of("x");
            case "OptionalEmpty":
                return Optional.empty();
            case "Nested": {
                Map<String, Object> nested = new LinkedHashMap<>();
                nested.put("list", new ArrayList<>(Arrays.asList(1L, 2L)));
                nested.put("set", new HashSet<>(Arrays.asList("s")));
                TreeMap<String, Object> inner = new TreeMap<>();
                inner.put("k", new LinkedList<>(Arrays.asList(true)));
                nested.put("map", inner);
                return nested;
            }
            case "TreeMapWithComparator": {
                TreeMap<String, Integer> reversed = new TreeMap<>(Comparator.reverseOrder());
                reversed.put("a", 1);
                return reversed;
            }
            default:
                throw new IllegalArgumentException("Unknown collection sample " + name);
        }
    }

    private static Map<String, Integer> fill(Map<String, Integer> map) {
        map.put("b", 2);
        map.put("a", 1);
        return map;
    }

    /**
     * How Java sees a value: class name and content, recursively, e.g.
     * {@code java.util.LinkedHashMap{java.lang.String:a=java.lang.Double:1.0}}.
     */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.getClass().getName());
        if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.append(first ? "" : ", ").append(describe(entry.getKey())).append('=')
                        .append(describe(entry.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        if (value instanceof Collection) {
            out.append('[');
            boolean first = true;
            for (Object element : (Collection<?>) value) {
                out.append(first ? "" : ", ").append(describe(element));
                first = false;
            }
            return out.append(']').toString();
        }
        if (value instanceof Optional) {
            Optional<?> optional = (Optional<?>) value;
            return out.append(optional.isPresent() ? "[" + describe(optional.get()) + "]" : ".empty").toString();
        }
        return out.append(':').append(value).toString();
    }
}
