package com.miniwms.salesorders.bench;

import com.miniwms.salesorders.local.emulator.LocalAws;
import com.miniwms.salesorders.local.emulator.MotoExtension;
import com.miniwms.salesorders.local.emulator.ProjectPaths;
import com.miniwms.salesorders.local.emulator.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded, minimized function artifact works on its own: in fresh JVMs whose class path is only the artifact
 * and the cold-start launcher, CreateOrder creates the sample order and GetOrder reads it back from the emulator.
 * Guards against the shade minimizer dropping a class that is only reached at run time.
 */
@ExtendWith(MotoExtension.class)
class ArtifactColdStartIT {

    @Test
    void deployedArtifactCreatesAnOrderAndReadsItBackInFreshJvms(LocalAws aws) {
        Path root = ProjectPaths.projectRoot();
        ApiTargets api = ApiTargets.find(SamTemplate.load(ProjectPaths.template()), root);
        Map<String, ColdTarget> targets = api.coldTargets(aws).stream()
                .collect(Collectors.toMap(ColdTarget::name, Function.identity()));
        FreshJvm jvm = new FreshJvm(Path.of(System.getProperty("java.home"), "bin", "java"), launcherJar(root),
                List.of(), root.resolve("bench/target/it-logs"));

        LaunchResult created = jvm.launch("it-create-order", targets.get(ApiTargets.CREATE_ORDER), List.of(),
                api.createOrderEvent());
        assertThat(created.status()).as(() -> "CreateOrder output:\n" + ColdStartBenchmark.tail(created.log()))
                .isEqualTo(201);

        LaunchResult read = jvm.launch("it-get-order", targets.get(ApiTargets.GET_ORDER), List.of(),
                api.getOrderEvent());
        assertThat(read.status()).as(() -> "GetOrder output:\n" + ColdStartBenchmark.tail(read.log()))
                .isEqualTo(200);
    }

    private static Path launcherJar(Path root) {
        String configured = System.getProperty("bench.launcherJar");
        return configured == null || configured.isBlank() ? root.resolve("bench/target/bench-launcher.jar")
                : Path.of(configured);
    }
}
