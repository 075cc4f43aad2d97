namespace EdgeMigration.Core.DeviceOutput;

/// <summary>What a column of an iotedge list or kubectl get svc table holds; Other columns are tolerated and ignored.</summary>
internal enum ColumnRole
{
    Other,
    Name,
    Namespace,
    Status,
    Description,
    Image,
    ExternalIp,
    Ports,
    ServiceType,
    ClusterIp,
}
