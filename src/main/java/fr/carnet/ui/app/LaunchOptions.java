package fr.carnet.ui.app;

import fr.carnet.dataset.DemoStore;
import fr.carnet.platform.AppDirs;
import java.nio.file.Path;
import java.util.List;

/**
 * The desk's command line: {@code --demo} (the sample-data store, also the default when run from
 * the build with {@code -Dcarnet.sampleData}), {@code --store=PATH}, {@code --as=LOGIN} (demo: work
 * as another sample worker, e.g. sms.garcia), {@code --lang=en}, {@code --region=CH}, {@code --smoke-test}
 * (start to the first screen, then exit: the packaged app's self-test).
 */
public record LaunchOptions(boolean demo, Path store, String login, String lang, String region, boolean smokeTest) {
    public static LaunchOptions parse(List<String> raw) {
        boolean demo = false, smoke = false;
        Path store = null;
        String login = null, lang = null, region = null;
        for (String a0 : raw) {
            // javafx:run passes "${carnet.args}" verbatim when the property is not set; split "a b" too.
            for (String a : a0.split("\\s+")) {
                if (a.isBlank() || a.startsWith("${")) continue;
                if (a.equals("--demo")) demo = true;
                else if (a.equals("--smoke-test")) smoke = true;
                else if (a.startsWith("--store=")) store = Path.of(a.substring(8));
                else if (a.startsWith("--as=")) login = a.substring(5);
                else if (a.startsWith("--lang=")) lang = a.substring(7);
                else if (a.startsWith("--region=")) region = a.substring(9);
            }
        }
        if (!demo && store == null && System.getProperty("carnet.sampleData") != null) demo = true;
        if (store == null) store = demo ? DemoStore.defaultFile() : AppDirs.data().resolve("carnet.db");
        return new LaunchOptions(demo, store, login, lang, region, smoke);
    }
}
