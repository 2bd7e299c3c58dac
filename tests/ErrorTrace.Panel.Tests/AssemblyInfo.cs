// One service and one Chromium for the whole run, tests one at a time (a 2-core machine shared with other builds).
[assembly: AssemblyFixture(typeof(ErrorTrace.Panel.Tests.Browser))]
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
