package io.churnwatch.bench;

/**
 * The state of a pipeline once it has consumed its input.
 *
 * @param rocksDb        what the stores held while running
 * @param diskBytes      bytes of the state directory after a clean close (memtables flushed)
 */
record StateFigures(RocksDbFigures rocksDb, long diskBytes) {
}
