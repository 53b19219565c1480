package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.CliRun;
import io.orrery.workbench.InstanceLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The command line as the window's twin for the built-in brokers: offers kept in the window's stores between
 * commands (and processes), accept, cancel and watch by number, the simulated clock shown, skipped and reset.
 */
class BuiltInTwinCliTest extends TempConfigCliTest {
    private static final Pattern ROW = Pattern.compile("(?m)^[* ] +(\\d+) +builtin:cloud .*?(builtin:cloud/sessions/\\S+)");

    private static CliRun offers() {
        CliRun r = CliRun.of("offers", sample("11-32-cores-4-hours.yaml"), "--broker", "builtin:cloud");
        assertEquals(0, r.code(), r.err());
        return r;
    }

    /** The URLs of the listing by number, as the table shows them. */
    private static List<String> urls(CliRun listing) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(listing.out());
        while (m.find()) {
            assertEquals(out.size() + 1, Integer.parseInt(m.group(1)), listing.out());
            out.add(m.group(2));
        }
        assertTrue(out.size() >= 2, listing.out());
        return out;
    }

    /** The real command line in a JVM of its own, on the same configuration directory. */
    private CliRun inNewProcess(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorrery.config.dir=" + config, "-cp", System.getProperty("java.class.path"), "io.orrery.Launcher"));
        cmd.addAll(List.of(args));
        Path out = config.resolve("process.out");
        Path err = config.resolve("process.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the process ends");
        return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void offersThenAcceptInANewProcessThenWatchOnTheSkippedClockToCompleted() throws Exception {
        CliRun listing = offers();
        assertTrue(listing.out().lines().findFirst().orElseThrow().matches("^ +# +BROKER .* URL +FLAGS$"), listing.out());
        String first = urls(listing).get(0);

        CliRun accepted = inNewProcess("accept", "1");
        assertEquals(0, accepted.code(), accepted.err());
        assertEquals(first + ": ACCEPTED", accepted.out().strip(), "the offer came from the store, not memory");

        CliRun watched = CliRun.of("watch", "1", "--skip");
        assertEquals(0, watched.code(), watched.out() + watched.err());
        List<String> phases = watched.out().lines().map(l -> l.split(" ")[1]).toList();
        assertEquals("COMPLETED", phases.get(phases.size() - 1), watched.out());
        assertTrue(phases.contains("RUNNING"), watched.out());
        assertTrue(watched.err().contains("built-in brokers' clock: simulated +4 h"), watched.err());

        CliRun clock = CliRun.of("clock");
        assertTrue(clock.out().startsWith("built-in brokers' clock: simulated +4 h"), clock.out());
        CliRun inAnother = inNewProcess("clock");
        assertEquals(clock.out().replaceAll("\\(now.*", ""), inAnother.out().replaceAll("\\(now.*", ""),
                "the clock is kept where the window keeps it");
        assertTrue(Files.readString(config.resolve("workbench.properties")).contains("offline.shift=PT4H"));

        CliRun reset = CliRun.of("clock", "reset");
        assertEquals(0, reset.code(), reset.err());
        assertTrue(reset.out().startsWith("built-in brokers' clock: real time (was simulated +4 h"), reset.out());
        assertEquals("built-in brokers' clock: real time", CliRun.of("clock").out().strip());
        CliRun after = CliRun.of("watch", first);
        assertEquals(0, after.code(), "a completed session stays completed after the reset: " + after.out());
    }

    @Test
    void clockSkipToNextStepsASessionAlongAndCancelEndsIt() {
        offers();
        assertEquals(0, CliRun.of("accept", "1").code());
        List<String> said = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CliRun skip = CliRun.of("clock", "skip", "--to-next");
            assertEquals(0, skip.code(), skip.err());
            said.add(skip.out());
        }
        assertTrue(String.join("", said).contains("builtin:cloud: "), "each skip says what changed: " + said);
        CliRun cancel = CliRun.of("cancel", "1");
        assertEquals(0, cancel.code(), cancel.err());
        assertTrue(cancel.out().endsWith(": CANCELLED\n"), cancel.out());
        CliRun watched = CliRun.of("watch", "1");
        assertEquals(1, watched.code(), "a cancelled session ends the watch with 1: " + watched.out());
        assertTrue(watched.out().contains("CANCELLED"), watched.out());
        CliRun accept = CliRun.of("accept", "1");
        assertEquals(1, accept.code(), "a cancelled session cannot be accepted again: " + accept.out());
        assertTrue(accept.err().contains("refused"), accept.err());
        CliRun byHours = CliRun.of("clock", "skip", "1d 2h");
        assertTrue(byHours.out().startsWith("built-in brokers' clock: simulated +1 d"), byHours.out());
        assertEquals(2, CliRun.of("clock", "skip", "soon").code(), "not a duration");
        assertEquals(2, CliRun.of("clock", "skip").code(), "a duration or --to-next");
    }

    @Test
    void aNumberTheListingDoesNotHaveOrAnExpiredOfferIsAClearError() {
        CliRun none = CliRun.of("accept", "1");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no offers have been listed yet: run 'orrery offers"), none.err());
        int listed = urls(offers()).size();
        CliRun outOfRange = CliRun.of("accept", String.valueOf(listed + 1));
        assertEquals(2, outOfRange.code());
        assertTrue(outOfRange.err().contains("has offers 1 to " + listed + ", not " + (listed + 1)), outOfRange.err());
        assertEquals(0, CliRun.of("clock", "skip", "2h").code());
        CliRun expired = CliRun.of("accept", "1");
        assertEquals(1, expired.code());
        assertTrue(expired.err().contains("offer 1 (builtin:cloud/sessions/") && expired.err().contains("expired at")
                && expired.err().contains("run 'orrery offers' again"), expired.err());
        CliRun fresh = offers();
        assertTrue(fresh.err().contains("built-in brokers' clock: simulated +2 h"), "says the answers are ahead: "
                + fresh.err());
        assertEquals(0, CliRun.of("accept", "1").code(), "a fresh listing's offer is accepted");
    }

    @Test
    void whileTheWindowHoldsTheStoreCommandsSaySoAndOffersAreNotKept() throws Exception {
        String url = urls(offers()).get(0);
        try (InstanceLock window = InstanceLock.acquire(config)) {
            CliRun accept = CliRun.of("accept", url);
            assertEquals(1, accept.code());
            assertTrue(accept.err().contains("in use by the Orrery window"), accept.err());
            CliRun clock = CliRun.of("clock");
            assertEquals(1, clock.code());
            CliRun offers = offers();
            assertTrue(offers.err().contains("will not be kept"), offers.err());
            CliRun notKept = CliRun.of("accept", "1");
            assertEquals(1, notKept.code());
            assertTrue(notKept.err().contains("was not kept"), notKept.err());
        }
        assertEquals(0, CliRun.of("reject", url).code(), "once the window lets go, the stored offer is there");
    }

    @Test
    void aSlowRemoteBrokerDoesNotKeepTheWindowOutOnceTheBuiltInBrokersHaveAnswered() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer slow = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/", exchange -> {
            asked.incrementAndGet();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        slow.start();
        try {
            String remote = "http://127.0.0.1:" + slow.getAddress().getPort() + "/";
            java.util.concurrent.CompletableFuture<CliRun> run = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> CliRun.of("offers", sample("11-32-cores-4-hours.yaml"), "--broker", "builtin:cloud",
                            "--broker", remote, "--timeout", "PT60S"));
            io.orrery.Await.until(java.time.Duration.ofSeconds(60), () -> asked.get() > 0 && lockFree(),
                    "the configuration directory's lock is free while the remote broker is still asked");
            assertFalse(run.isDone(), "the command still waits for the slow broker");
            release.countDown();
            CliRun listing = run.get(60, TimeUnit.SECONDS);
            assertEquals(0, listing.code(), listing.err());
            assertEquals(0, CliRun.of("accept", "1").code(), "the built-in offers were kept all the same");
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }

    private boolean lockFree() {
        try (InstanceLock window = InstanceLock.acquire(config)) {
            return true;
        } catch (InstanceLock.Held | IOException e) {
            return false;
        }
    }
}
