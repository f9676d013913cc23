using Dating.Testing;

[assembly: AssemblyFixture(typeof(BackingServicesFixture))]
