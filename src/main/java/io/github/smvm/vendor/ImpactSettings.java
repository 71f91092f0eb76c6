package io.github.smvm.vendor;

/**
 * What the project says about the impact, for the {@code business_impact} section; each is free
 * text, {@code null} when not set.
 *
 * @param affectedUsers who or how many are affected ({@code 40 data engineers})
 * @param estimatedResolutionTime when a fix is needed or expected ({@code 2 weeks})
 * @param contact whom the vendor answers ({@code platform-team@example.com})
 */
public record ImpactSettings(String affectedUsers, String estimatedResolutionTime, String contact) {

    public static ImpactSettings none() {
        return new ImpactSettings(null, null, null);
    }

    public ImpactSettings {
        affectedUsers = blankToNull(affectedUsers);
        estimatedResolutionTime = blankToNull(estimatedResolutionTime);
        contact = blankToNull(contact);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
