package io.orrery.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests do as a user would, in one place: open a sample, check brokers, close notifications. */
final class WindowSteps {
    private WindowSteps() {}

    /** Opens a sample task and waits until the editor has read it. */
    static void openSample(FxRobot robot, Workbench wb, String name) throws Exception {
        Path sample = Path.of("sample-tasks", name).toAbsolutePath();
        robot.interact(() -> wb.open(sample));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sample.equals(wb.editor().model().fileProperty().get())
                && wb.editor().model().upToDate());
    }

    /** Checks exactly these brokers. */
    static void only(FxRobot robot, Workbench wb, String... names) {
        robot.interact(() -> wb.brokers().model().entries().forEach(e -> e.checkedProperty().set(
                List.of(names).contains(e.name()))));
    }

    /** Closes the notification popups, as a user would, so that they cover no button. */
    static void dismissNotifications(FxRobot robot) {
        robot.interact(() -> robot.listWindows().stream().filter(javafx.stage.Popup.class::isInstance)
                .map(javafx.stage.Popup.class::cast).toList().forEach(javafx.stage.Popup::hide));
    }

    /** Clicks the middle of a node, as a user would, once the notifications are out of the way. */
    static void click(FxRobot robot, java.util.concurrent.Callable<javafx.scene.Node> node) throws Exception {
        dismissNotifications(robot);
        robot.clickOn(OnFx.call(() -> {
            javafx.geometry.Bounds b = node.call().localToScreen(node.call().getBoundsInLocal());
            return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
