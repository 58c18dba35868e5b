// Bytes Hazelcast 5.7.0's Java serialization wrote for the samples of
// tools/cluster/java/dev/hz/testing/collections/CollectionSamples.java (DefaultSerializationServiceBuilder,
// big-endian), by sample name. java-collections.int.test.ts asks a live member for the same bytes, so a
// member version that writes differently is noticed.
export const JAVA: Record<string, string> = {
  ArrayList: '00000000ffffffe300000004fffffff900000001fffffff50000000374776f00000000fffffff6400c000000000000',
  LinkedList: '00000000ffffffe200000002fffffff50000000161fffffff50000000162',
  CopyOnWriteArrayList: '00000000ffffffe100000002fffffff50000000161fffffff50000000162',
  HashMap: '00000000ffffffe000000002fffffff50000000161fffffff900000001fffffff50000000162fffffff900000002',
  ConcurrentSkipListMap:
    '00000000ffffffdf0000000000000002fffffff50000000161fffffff900000001fffffff50000000162fffffff900000002',
  ConcurrentHashMap:
    '00000000ffffffde00000002fffffff50000000161fffffff900000001fffffff50000000162fffffff900000002',
  LinkedHashMap:
    '00000000ffffffdd00000002fffffff50000000162fffffff900000002fffffff50000000161fffffff900000001',
  TreeMap:
    '00000000ffffffdc0000000000000002fffffff50000000161fffffff900000001fffffff50000000162fffffff900000002',
  HashSet: '00000000ffffffdb00000002fffffff50000000178fffffff50000000179',
  TreeSet: '00000000ffffffda0000000000000002fffffff50000000178fffffff50000000179',
  LinkedHashSet: '00000000ffffffd900000002fffffff50000000179fffffff50000000178',
  CopyOnWriteArraySet: '00000000ffffffd800000002fffffff50000000178fffffff50000000179',
  ConcurrentSkipListSet: '00000000ffffffd70000000000000002fffffff50000000178fffffff50000000179',
  ArrayDeque: '00000000ffffffd600000002fffffff50000000161fffffff50000000162',
  LinkedBlockingQueue: '00000000ffffffd500000002fffffff50000000161fffffff50000000162',
  ArrayBlockingQueue: '00000000ffffffd400000002fffffff50000000161fffffff50000000162',
  PriorityBlockingQueue: '00000000ffffffd30000000000000002fffffff50000000161fffffff50000000162',
  DelayQueue: '00000000ffffffd200000000',
  SynchronousQueue: '00000000ffffffd100000000',
  LinkedTransferQueue: '00000000ffffffd000000002fffffff50000000161fffffff50000000162',
  PriorityQueue: '00000000ffffffcf0000000000000002fffffff50000000161fffffff50000000162',
  Optional: '00000000ffffffce01fffffff50000000178',
  OptionalEmpty: '00000000ffffffce00',
  Nested:
    '00000000ffffffdd00000003fffffff5000000046c697374ffffffe300000002fffffff80000000000000001fffffff8' +
    '0000000000000002fffffff500000003736574ffffffdb00000001fffffff50000000173fffffff5000000036d6170ff' +
    'ffffdc0000000000000001fffffff5000000016bffffffe200000001fffffffc01',
  TreeMapWithComparator:
    '00000000ffffffdcffffff9caced0005737200276a6176612e7574696c2e436f6c6c656374696f6e7324526576657273' +
    '65436f6d70617261746f7264048af0534e4ad0020000787000000001fffffff50000000161fffffff900000001',
};
