package io.churnwatch.bench;

/**
 * The state of a pipeline once it has consumed its input.
 *
 * @param rocksDb    what the stores held while running
 * @param diskBytes  bytes of the state directory
 * @param afterClose whether {@code diskBytes} was measured after a clean close (memtables flushed to files) rather
 *                   than while running (recent writes still in memtables, not on disk)
 */
record StateFigures(RocksDbFigures rocksDb, long diskBytes, boolean afterClose) {
}
