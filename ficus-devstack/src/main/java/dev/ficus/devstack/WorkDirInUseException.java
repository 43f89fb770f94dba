package dev.ficus.devstack;

import java.nio.file.Path;

/** Another stack (in this JVM or another process) already runs on the same work directory. */
public final class WorkDirInUseException extends DevStackException {
    private final Path workDir;

    public WorkDirInUseException(Path workDir) {
        super("the dev stack work directory " + workDir + " is in use by another running stack");
        this.workDir = workDir;
    }

    public Path workDir() {
        return workDir;
    }
}
