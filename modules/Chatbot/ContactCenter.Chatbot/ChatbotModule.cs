// Will own chatbot triggers (conditions and actions), bot messages and the automatic-message settings. Nothing is implemented yet.
using Autofac;
using ContactCenter.Kernel.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Chatbot;

/// <summary>An empty shell: registered so the module list is complete; it has no tables and no endpoints yet.</summary>
public sealed class ChatbotModule : Module, IContactCenterModule
{
    public const string ModuleName = "Chatbot";

    public string Name => ModuleName;

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
