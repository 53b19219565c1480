package io.orrery.workbench.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Nothing unsaved is replaced without asking; Save goes on only once saved, Cancel never. */
class UnsavedGuardTest {
    private boolean modified = true;
    private final List<String> asked = new ArrayList<>();
    private Consumer<UnsavedGuard.Choice> answer;
    private CompletableFuture<Boolean> saving = new CompletableFuture<>();
    private int saves;
    private int done;
    private final UnsavedGuard guard = new UnsavedGuard(() -> modified, () -> {
        saves++;
        return saving;
    }, (doing, a) -> {
        asked.add(doing);
        answer = a;
    });

    @Test
    void nothingUnsavedGoesOnWithoutAsking() {
        modified = false;
        guard.then("quitting", () -> done++);
        assertEquals(1, done);
        assertTrue(asked.isEmpty());
    }

    @Test
    void cancelKeepsEverything() {
        guard.then("opening b.yaml", () -> done++);
        assertEquals(List.of("opening b.yaml"), asked);
        answer.accept(UnsavedGuard.Choice.CANCEL);
        assertEquals(0, done);
        assertEquals(0, saves);
        assertFalse(guard.asking());
    }

    @Test
    void dontSaveGoesOn() {
        guard.then("starting a new task", () -> done++);
        answer.accept(UnsavedGuard.Choice.DISCARD);
        assertEquals(1, done);
        assertEquals(0, saves);
    }

    @Test
    void saveGoesOnOnlyOnceWritten() {
        guard.then("quitting", () -> done++);
        answer.accept(UnsavedGuard.Choice.SAVE);
        assertEquals(1, saves);
        assertEquals(0, done, "not before the text is written");
        saving.complete(true);
        assertEquals(1, done);
    }

    @Test
    void aCancelledOrFailedSaveStops() {
        guard.then("quitting", () -> done++);
        answer.accept(UnsavedGuard.Choice.SAVE);
        saving.complete(false);
        assertEquals(0, done);
    }

    @Test
    void oneQuestionAtATime() {
        guard.then("quitting", () -> done++);
        guard.then("quitting", () -> done++);
        assertEquals(1, asked.size());
        answer.accept(UnsavedGuard.Choice.DISCARD);
        assertEquals(1, done);
    }
}
