package io.orrery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The layering of README's map, as a test (after JabRef's CommonArchitectureTest): one rule per arrow that must never
 * exist, with the exceptions named and explained where one is earned.
 *
 * <pre>
 *   model  &lt;-  broker  &lt;-  engine
 *                      &lt;-  server
 *                      &lt;-  client  &lt;-  workbench
 *   federation  -&gt;  client + server + broker + model  (a broker of brokers: a client of its upstreams, a
 *                                                     server to its own users)
 *   cli: the composition root, may use every part (it starts the server and the window)
 * </pre>
 */
class ArchitectureTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("io.orrery");

    private static final String MODEL = "io.orrery.model..";
    private static final String BROKER = "io.orrery.broker..";
    private static final String ENGINE = "io.orrery.engine..";
    private static final String SERVER = "io.orrery.server..";
    private static final String CLIENT = "io.orrery.client..";
    private static final String WORKBENCH = "io.orrery.workbench..";
    private static final String CLI = "io.orrery.cli..";
    private static final String FEDERATION = "io.orrery.federation..";
    private static final String[] TOOLKITS = {"javafx..", "com.sun.javafx..", "atlantafx..", "org.controlsfx..",
        "org.fxmisc..", "okhttp3..", "okio..", "mockwebserver3..", "org.eclipse.jetty.."};

    static final ArchRule MODEL_USES_NO_OTHER_PART = noClasses().that().resideInAPackage(MODEL).should()
            .dependOnClassesThat().resideInAnyPackage(BROKER, SERVER, CLIENT, WORKBENCH, CLI)
            .because("the wire types and codec are the floor everything stands on");
    static final ArchRule BROKER_USES_ONLY_THE_MODEL = noClasses().that().resideInAPackage(BROKER).should()
            .dependOnClassesThat().resideInAnyPackage(SERVER, CLIENT, WORKBENCH, CLI)
            .because("the broker core runs alike behind the server, in the window and in what-if");
    static final ArchRule ENGINE_USES_ONLY_MODEL_AND_BROKER = noClasses().that().resideInAPackage(ENGINE).should()
            .dependOnClassesThat().resideInAnyPackage(SERVER, CLIENT, WORKBENCH, CLI)
            .because("real execution stands on the core, beside the server and the client");
    static final ArchRule ENGINE_USES_NO_TOOLKIT = noClasses().that().resideInAPackage(ENGINE).should()
            .dependOnClassesThat().resideInAnyPackage(TOOLKITS)
            .because("real execution speaks HTTP over the JDK's Unix sockets itself, with no toolkit");
    static final ArchRule SERVER_NEVER_USES_CLIENT_OR_UI = noClasses().that().resideInAPackage(SERVER).should()
            .dependOnClassesThat().resideInAnyPackage(CLIENT, WORKBENCH, CLI)
            .because("a broker does not depend on the programs that talk to it");
    static final ArchRule CLIENT_NEVER_USES_SERVER_OR_UI = noClasses().that().resideInAPackage(CLIENT).should()
            .dependOnClassesThat().resideInAnyPackage(SERVER, WORKBENCH, CLI)
            .because("the client talks to brokers over HTTP or to the core in process, never to our server's insides");
    static final ArchRule WORKBENCH_NEVER_USES_SERVER_OR_CLI = noClasses().that().resideInAPackage(WORKBENCH).should()
            .dependOnClassesThat().resideInAnyPackage(SERVER, CLI)
            .because("the window reaches brokers through the client");
    static final ArchRule MODEL_AND_BROKER_USE_NO_TOOLKIT = noClasses().that().resideInAnyPackage(MODEL, BROKER)
            .should().dependOnClassesThat().resideInAnyPackage(TOOLKITS)
            .because("the model and the core never import JavaFX, an HTTP client or Jetty");
    static final ArchRule CLIENT_AND_SERVER_USE_NO_UI = noClasses().that().resideInAnyPackage(CLIENT, SERVER)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                    "org.fxmisc..")
            .because("only the window uses JavaFX");
    static final ArchRule ONLY_THE_CLI_USES_THE_FEDERATION = noClasses().that().resideOutsideOfPackages(CLI, FEDERATION)
            .should().dependOnClassesThat().resideInAPackage(FEDERATION)
            .because("the federation joins the client (to its upstreams) and the server (to its users): only the"
                    + " command line, which starts it, stands above it");
    static final ArchRule FEDERATION_USES_NO_UI = noClasses().that().resideInAPackage(FEDERATION).should()
            .dependOnClassesThat().resideInAnyPackage(WORKBENCH, CLI, "javafx..", "org.eclipse.jetty..", "okhttp3..")
            .because("it talks HTTP only through the client and the server, and has no window");
    static final ArchRule NOTHING_USES_THE_CLI = noClasses().that().resideOutsideOfPackages(CLI).and()
            .doNotHaveFullyQualifiedName("io.orrery.Launcher").should().dependOnClassesThat().resideInAPackage(CLI)
            .because("the command line is the entry point, not a library");

    private static void holds(ArchRule rule) {
        rule.check(PRODUCT);
    }

    @Test
    void modelUsesNoOtherPart() {
        holds(MODEL_USES_NO_OTHER_PART);
    }

    @Test
    void brokerUsesOnlyTheModel() {
        holds(BROKER_USES_ONLY_THE_MODEL);
    }

    @Test
    void engineUsesOnlyTheModelAndTheBroker() {
        holds(ENGINE_USES_ONLY_MODEL_AND_BROKER);
    }

    @Test
    void engineImportsNoToolkitNorHttpLibrary() {
        holds(ENGINE_USES_NO_TOOLKIT);
    }

    @Test
    void serverNeverUsesTheClientOrTheUserInterfaces() {
        holds(SERVER_NEVER_USES_CLIENT_OR_UI);
    }

    @Test
    void clientNeverUsesTheServerOrTheUserInterfaces() {
        holds(CLIENT_NEVER_USES_SERVER_OR_UI);
    }

    @Test
    void workbenchNeverUsesTheServerOrTheCommandLine() {
        holds(WORKBENCH_NEVER_USES_SERVER_OR_CLI);
    }

    /**
     * The window reaches the broker core only through the client (LocalBroker for the built-in brokers), with two
     * named exceptions: the what-if sandbox ({@code broker.whatif}), whose scenarios are the window's own subject and
     * have no remote twin, and the platform catalogue ({@code broker.platform}), which the window lists and loads.
     */
    @Test
    void workbenchReachesTheCoreOnlyThroughTheClient() {
        noClasses().that().resideInAPackage(WORKBENCH).should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("are in the broker core (not whatif or platform)",
                                c -> c.getPackageName().startsWith("io.orrery.broker")
                                        && !c.getPackageName().startsWith("io.orrery.broker.whatif")
                                        && !c.getPackageName().startsWith("io.orrery.broker.platform")))
                .because("the window must not depend on the core's insides; what-if and the platform catalogue"
                        + " are its named exceptions").check(PRODUCT);
    }

    @Test
    void modelAndBrokerImportNoToolkitNorHttp() {
        holds(MODEL_AND_BROKER_USE_NO_TOOLKIT);
    }

    @Test
    void onlyTheWindowUsesJavaFx() {
        holds(CLIENT_AND_SERVER_USE_NO_UI);
    }

    @Test
    void onlyTheCommandLineUsesTheFederation() {
        holds(ONLY_THE_CLI_USES_THE_FEDERATION);
    }

    @Test
    void theFederationTalksHttpOnlyThroughClientAndServer() {
        holds(FEDERATION_USES_NO_UI);
    }

    @Test
    void nothingButTheLauncherUsesTheCommandLine() {
        holds(NOTHING_USES_THE_CLI);
    }

    /** The rules can fail: a class in a workbench-like package that imports the server breaks the never-arrow. */
    @Test
    void aWorkbenchClassThatImportsTheServerBreaksTheRule() {
        JavaClasses breach = new ClassFileImporter().importPackages("io.orrery.archfixture.workbench");
        EvaluationResult result = noClasses().that().resideInAPackage("io.orrery.archfixture.workbench..").should()
                .dependOnClassesThat().resideInAnyPackage(SERVER, CLI).evaluate(breach);
        assertTrue(result.hasViolation(), "the rule must catch the breach");
        assertTrue(result.getFailureReport().toString().contains("io.orrery.server.BrokerServer"),
                result.getFailureReport().toString());
    }
}
