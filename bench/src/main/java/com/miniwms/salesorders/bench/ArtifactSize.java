package com.miniwms.salesorders.bench;

import java.util.List;

/**
 * One function artifact named as {@code CodeUri} in the template.
 *
 * @param codeUri the path as the template gives it
 * @param functions the functions deployed from it
 * @param bytes its size (a folder: the sum of its files); -1 when it is not built
 * @param entries files in it
 * @param httpClients the AWS SDK HTTP clients it carries
 * @param apiFunction whether an HTTP API function uses it (the size goal applies)
 * @param goalBytes the size goal, when one applies
 */
public record ArtifactSize(String codeUri, List<String> functions, long bytes, int entries, List<String> httpClients,
                           boolean apiFunction, long goalBytes) {

    public boolean built() {
        return bytes >= 0;
    }

    public boolean withinGoal() {
        return built() && (goalBytes <= 0 || bytes < goalBytes);
    }
}
