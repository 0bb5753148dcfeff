package org.factspan.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Stage;

import org.factspan.format.ArticleImport;
import org.factspan.model.FactSpanException;
import org.factspan.store.ProjectStore;
import org.factspan.ui.main.MainWindow;
import org.factspan.ui.workbench.Workbench;

/**
 * The window's application: reads the command line
 * ({@code [--project FILE] [--annotator NAME] [--review THEIRS] [ARTICLE...]}),
 * picks the project (the named one, else the last one, else a default workspace in the user's home), asks once for
 * the annotator's name, and shows the {@link MainWindow}.
 */
public final class FactSpanApp extends Application {

    /** Where a first start keeps its project: {@code ~/FactSpan/workspace.factspan}. */
    static Path defaultProject() {
        return Path.of(System.getProperty("user.home"), "FactSpan", "workspace" + ProjectStore.EXTENSION);
    }

    /** Called by the launcher; blocks until the window closes. */
    public static void launchWindow(String[] args) {
        Application.launch(FactSpanApp.class, args);
    }

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            Platform.exit();
            return;
        }
        Settings settings = Settings.forUser();
        String annotator = arguments.annotator().or(settings::annotator).orElseGet(() -> askName(settings));
        if (annotator == null) {
            Platform.exit();
            return;
        }
        settings.setAnnotator(annotator);
        Tasks tasks = Tasks.background();
        Workbench workbench = new Workbench(tasks, Clock.systemUTC(), annotator);
        window = new MainWindow(stage, workbench, settings, tasks);

        Path project = arguments.project()
                .or(() -> settings.lastProject().filter(Files::isRegularFile))
                .orElseGet(FactSpanApp::defaultProject);
        boolean firstStart = !Files.exists(project) && arguments.project().isEmpty();
        window.show();
        if (!window.openProject(project)) {
            return;
        }
        if (!arguments.articles().isEmpty()) {
            window.importArticles(arguments.articles());
        } else if (firstStart) {
            offerSample(workbench);
        }
        arguments.review().ifPresent(window::review);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    private static String askName(Settings settings) {
        TextInputDialog dialog = new TextInputDialog(System.getProperty("user.name", ""));
        dialog.setTitle("Welcome to FactSpan");
        dialog.setHeaderText("Who is annotating?");
        dialog.setContentText("Your name, as it will appear on your annotations:");
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    private static void offerSample(Workbench workbench) {
        Alert offer = new Alert(Alert.AlertType.CONFIRMATION,
                "FactSpan created your workspace. Open a short sample article to try tagging claims, denials,"
                        + " evidence and attributions?", ButtonType.YES, ButtonType.NO);
        offer.setTitle("Sample article");
        offer.setHeaderText("Welcome to FactSpan");
        if (offer.showAndWait().filter(ButtonType.YES::equals).isEmpty()) {
            return;
        }
        try (InputStream in = FactSpanApp.class.getResourceAsStream("/factspan/sample-article.txt")) {
            byte[] bytes = in.readAllBytes();
            ProjectStore store = workbench.project().orElseThrow();
            var outcome = new ArticleImport(Clock.systemUTC()).importBytes(store, "sample-article.txt", bytes);
            workbench.reloadDocuments();
            workbench.openDocument(outcome.document().id());
        } catch (IOException | FactSpanException e) {
            workbench.messageProperty().set("The sample article could not be opened: " + e.getMessage());
        }
    }

    /** The window's command line. */
    record Arguments(Optional<Path> project, Optional<String> annotator, Optional<Path> review, List<Path> articles) {

        static Arguments parse(List<String> args) {
            Path project = null;
            String annotator = null;
            Path review = null;
            List<Path> articles = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--project" -> project = Path.of(value(args, ++i, arg));
                    case "--annotator" -> annotator = value(args, ++i, arg);
                    case "--review" -> review = Path.of(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("Unknown option " + arg
                                    + "; the window takes [--project FILE] [--annotator NAME] [--review THEIRS]"
                                    + " [ARTICLE...].");
                        }
                        articles.add(Path.of(arg));
                    }
                }
            }
            return new Arguments(Optional.ofNullable(project), Optional.ofNullable(annotator)
                    .map(String::strip).filter(s -> !s.isEmpty()), Optional.ofNullable(review), List.copyOf(articles));
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException("The option " + option + " needs a value.");
            }
            return args.get(i);
        }
    }
}
