package dev.ficus.sync.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The lease for file offsets: an OS lock on a file beside the offsets, released by the OS when the process dies. */
final class FileLease implements Lease {
    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    FileLease(Path file) {
        this.file = file;
    }

    @Override
    public synchronized boolean holdOrTake() {
        if (lock != null && lock.isValid()) {
            return true;
        }
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException e) {
            // another sync in this JVM holds it
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String holder() {
        return "the process holding " + file;
    }

    @Override
    public synchronized void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the OS releases the lock with the channel anyway
        }
        lock = null;
        channel = null;
    }
}
