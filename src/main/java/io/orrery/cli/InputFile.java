package io.orrery.cli;

import io.orrery.model.codec.SourceReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a document file for a command, refusing what is too large or not UTF-8 text before parsing it. */
final class InputFile {
    private InputFile() {}

    /** The text of the file; throws {@link IOException} with a message fit for a user. */
    static String read(Path file) throws IOException {
        try {
            if (Files.isDirectory(file)) {
                throw new IOException(file + " is a folder, not a file");
            }
            long size = Files.size(file);
            if (size > SourceReader.MAX_CHARS) {
                throw new IOException(file + " is " + size / (1024 * 1024) + " MiB, over the "
                        + SourceReader.MAX_CHARS / (1024 * 1024) + " MiB limit; refused");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text");
        }
    }
}
