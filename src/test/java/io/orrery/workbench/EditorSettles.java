package io.orrery.workbench;

import io.orrery.workbench.editor.EditorViewModel;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** For TestFX tests of the editor: waiting until it has caught up with its text and its form. */
public final class EditorSettles {
    private EditorSettles() {}

    /**
     * Waits until the editor has read the text as it is now (problems, form and sendable flag are the text's) and no
     * edit typed in the form is still on its way to the text (a field refused with a message counts as arrived).
     */
    public static void settle(FxRobot robot, Workbench wb) {
        EditorViewModel editor = wb.editor().model();
        OnFx.await(Duration.ofSeconds(20), "the editor's analysis to catch up with the text and the form",
                () -> editor.upToDate() && robot.lookup((Node n) -> n instanceof TextField t && t.getId() != null
                        && t.getId().startsWith("field-")).queryAllAs(TextField.class).stream()
                        .allMatch(t -> arrived(editor, t)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the form until the field with this id is in view, as a user would before clicking it; returns it. */
    public static Node reveal(FxRobot robot, String id) {
        Node field = robot.lookup(id).query();
        robot.interact(() -> {
            javafx.scene.Parent p = field.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                double content = sp.getContent().getBoundsInLocal().getHeight();
                double view = sp.getViewportBounds().getHeight();
                double y = sp.getContent().sceneToLocal(field.localToScene(field.getBoundsInLocal())).getMinY();
                sp.setVvalue(content <= view ? 0 : Math.min(1, Math.max(0, (y - 20) / (content - view))));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return field;
    }

    private static boolean arrived(EditorViewModel editor, TextField t) {
        String id = t.getId().substring("field-".length());
        return t.getText().equals(editor.field(id).get()) || editor.fieldErrors().containsKey(id);
    }
}
