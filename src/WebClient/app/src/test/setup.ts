import { configure } from '@testing-library/react';

// findBy* and waitFor poll for their condition; Testing Library gives up after 1 s by default. dotnet test runs this
// suite while whole stacks start on the same two cores, where a render can take longer than that without being wrong.
configure({ asyncUtilTimeout: 15_000 });
