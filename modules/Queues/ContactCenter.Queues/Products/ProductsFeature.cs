using Autofac;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Queues.Products;

/// <summary>Products: what leads and conversations are about, and so which agents may take them.</summary>
internal static class ProductsFeature
{
    public static void Register(ContainerBuilder builder)
    {
        builder.RegisterType<ListProducts.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<GetProduct.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<CreateProduct.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<UpdateProduct.Handler>().InstancePerLifetimeScope();
        builder.RegisterType<DeleteProduct.Handler>().InstancePerLifetimeScope();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        ListProducts.Map(api);
        GetProduct.Map(api);
        CreateProduct.Map(api);
        UpdateProduct.Map(api);
        DeleteProduct.Map(api);
    }
}
