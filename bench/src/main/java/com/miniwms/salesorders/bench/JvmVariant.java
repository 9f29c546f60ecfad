package com.miniwms.salesorders.bench;

import java.util.List;

/**
 * How the fresh JVMs are started.
 *
 * @param name short name in the report and in file names
 * @param description what the options are
 * @param options JVM options (for AppCDS, without the archive option, which is per handler)
 * @param appCds whether each handler first gets a training run that writes a dynamic class-data archive, which its
 *               measured runs then map
 */
public record JvmVariant(String name, String description, List<String> options, boolean appCds) {

    public JvmVariant {
        options = List.copyOf(options);
    }

    /** Plain {@code java -cp}; the template's options; the template's options with an AppCDS archive. */
    public static List<JvmVariant> standard(List<String> templateOptions) {
        String template = templateOptions.isEmpty() ? "(none)" : String.join(" ", templateOptions);
        return List.of(
                new JvmVariant("plain", "java -cp, no options", List.of(), false),
                new JvmVariant("template", "template JAVA_TOOL_OPTIONS: " + template, templateOptions, false),
                new JvmVariant("appcds", "template options + AppCDS archive (-XX:SharedArchiveFile, trained per "
                        + "handler with -XX:ArchiveClassesAtExit)", templateOptions, true));
    }
}
