package com.miniwms.salesorders.local.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code AWS::S3::Bucket}, created by the emulator's CloudFormation, which keeps the name, encryption and tags;
 * the public access block, ownership controls and versioning are applied here.
 */
final class S3BucketKind implements ResourceKind {

    @Override
    public String type() {
        return "AWS::S3::Bucket";
    }

    @Override
    public Map<String, String> complete(ProvisioningContext context, String logicalId, String bucket,
                                        Map<String, Object> properties) {
        S3Client s3 = context.clients().s3();
        s3.headBucket(r -> r.bucket(bucket));

        Map<String, Object> publicAccess = Values.map(properties, "PublicAccessBlockConfiguration");
        if (!publicAccess.isEmpty()) {
            s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(Values.isTrue(publicAccess.get("BlockPublicAcls")))
                    .blockPublicPolicy(Values.isTrue(publicAccess.get("BlockPublicPolicy")))
                    .ignorePublicAcls(Values.isTrue(publicAccess.get("IgnorePublicAcls")))
                    .restrictPublicBuckets(Values.isTrue(publicAccess.get("RestrictPublicBuckets")))));
        }

        var rules = Values.maps(Values.map(properties, "OwnershipControls"), "Rules");
        if (!rules.isEmpty()) {
            s3.putBucketOwnershipControls(r -> r.bucket(bucket).ownershipControls(c -> c.rules(
                    rules.stream().map(rule -> software.amazon.awssdk.services.s3.model.OwnershipControlsRule
                            .builder().objectOwnership(Values.string(rule, "ObjectOwnership")).build()).toList())));
        }

        String versioning = Values.string(Values.map(properties, "VersioningConfiguration"), "Status");
        if (versioning != null) {
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(versioning)));
        }

        String region = context.stack().region();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Arn", "arn:aws:s3:::" + bucket);
        attributes.put("DomainName", bucket + ".s3.amazonaws.com");
        attributes.put("RegionalDomainName", bucket + ".s3." + region + ".amazonaws.com");
        attributes.put("DualStackDomainName", bucket + ".s3.dualstack." + region + ".amazonaws.com");
        return attributes;
    }
}
