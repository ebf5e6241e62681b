// Queues' entities (work items, routing settings) live in its Domain namespace.
global using ContactCenter.Queues.Domain;
