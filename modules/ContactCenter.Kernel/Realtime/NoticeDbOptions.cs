using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ContactCenter.Kernel.Realtime;

/// <summary>Adds the notice interceptor to every <see cref="ContactCenterDbContext"/> the container builds.</summary>
internal sealed class NoticeDbOptions(NoticeInterceptor interceptor) : IDbContextOptionsConfiguration<ContactCenterDbContext>
{
    public void Configure(IServiceProvider serviceProvider, DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(interceptor);
}
