package io.orrery.workbench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One window per configuration directory: the window holds an exclusive lock on {@code .lock} in it while it is
 * open, so a second window cannot share the built-in brokers' databases (and the settings, monitored sessions and
 * log) with the first. The operating system drops the lock when the process ends, so a crash leaves none behind.
 * A second attempt, from another process or from this one, is refused with {@link Held}.
 */
public final class InstanceLock implements AutoCloseable {
    /** The directory is held by another window. */
    public static final class Held extends Exception {
        private final Path directory;

        Held(Path directory) {
            super("Orrery is already open with this configuration directory: " + directory);
            this.directory = directory;
        }

        public Path directory() {
            return directory;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory's lock (creating the directory if need be), or says who has it. Never waits. */
    public static InstanceLock acquire(Path configDir) throws Held, IOException {
        Path dir = configDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path file = dir.resolve(".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException thisProcessHasIt) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new Held(dir);
        }
        return new InstanceLock(file, channel, lock);
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Lets the directory go (again: nothing). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // closing the channel drops the lock anyway; nothing left to do
        }
    }
}
