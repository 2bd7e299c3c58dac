namespace ErrorTrace.Core.Tests.Classification;

/// <summary>Every hand-built case, by name.</summary>
internal static class Cases
{
    private static readonly Lazy<IReadOnlyDictionary<string, ClassificationCase>> s_byName = new(() =>
        MemoryCases.All().Concat(DeviceAndDistributedCases.All()).Concat(SetupAndDataCases.All()).Concat(CrashAndCodeCases.All()).Concat(MechanismCases.All())
            .Concat(GeneralisedSetupCases.All()).Concat(BuildAndLaunchCases.All()).Concat(ServingAndSetupCases.All()).Concat(UnreadDeathCases.All()).Concat(RayShmAndGluedDeathCases.All())
            .Concat(DataOrCodeCases.All()).Concat(SilentEndCases.All()).Concat(BuiltinSubjectCases.All()).Concat(HeldOutFamilyCases.All()).Concat(VersionAndDatasetCodeCases.All()).Concat(DataReaderLineCases.All()).Concat(UnseenMechanismCases.All())
            .Concat(LaunchAndNonFiniteCases.All()).Concat(SettingsFamilyCases.All()).Concat(SilentFailureLineCases.All()).Concat(ValueOriginCases.All()).Concat(DependencyMechanismCases.All()).Concat(LibraryOriginCases.All())
            .Concat(NonFiniteNumbersCases.All()).Concat(ExtensionAndLoaderCases.All()).Concat(CodeAndToolchainCases.All())
            .Concat(UnboundKernelAndLaunchSpellingCases.All()).Concat(EarlierReleaseApiCases.All())
            .ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, ClassificationCase> ByName => s_byName.Value;
}
