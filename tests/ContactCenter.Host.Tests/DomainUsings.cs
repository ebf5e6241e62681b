// The modules' entities live in each module's Domain namespace; the tests read and seed their rows directly.
global using ContactCenter.Channels.Domain;
global using ContactCenter.Conversations.Domain;
global using ContactCenter.Leads.Domain;
global using ContactCenter.Queues.Domain;
