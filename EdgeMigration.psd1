@{
    RootModule             = 'EdgeMigration.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = 'd624b2ea-f8a0-48c9-8d03-2cf0e409fb57'
    Author                 = 'EdgeMigration contributors'
    CompanyName            = 'EdgeMigration'
    Copyright              = '(c) EdgeMigration contributors. MIT License.'
    Description            = 'Checks, converts and follows up Azure IoT Edge deployment manifests moving from Azure Stack Edge Pro FPGA (IoT Edge on Docker) to Azure Stack Edge Pro GPU / Pro R (IoT Edge on Kubernetes).'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    # netstandard2.0 assemblies need .NET Framework 4.7.2 or later under Windows PowerShell.
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('EdgeMigration.Format.ps1xml')
    TypesToProcess         = @('EdgeMigration.Types.ps1xml')
    CmdletsToExport        = @(
        'ConvertTo-EdgeKubernetesManifest'
        'ConvertTo-GpuEdgeManifest'
        'Get-EdgeMigrationRule'
        'Get-EdgeModule'
        'Get-EdgeModuleExternalIp'
        'Test-EdgeModuleCompatibility'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('IoTEdge', 'AzureStackEdge', 'Kubernetes', 'Migration', 'IoTHub', 'Azure', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/edgemigration/EdgeMigration'
            LicenseUri   = 'https://github.com/edgemigration/EdgeMigration/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: first release. Test-EdgeModuleCompatibility checks IoT Edge manifests in every shape against the FPGA-to-GPU migration rules (Get-EdgeMigrationRule); ConvertTo-GpuEdgeManifest rewrites them for Azure Stack Edge Pro GPU, keeping their layout and listing every change; Get-EdgeModule lists modules; ConvertTo-EdgeKubernetesManifest previews the Kubernetes objects the device creates; Get-EdgeModuleExternalIp reads the IP addresses the device gives the modules. Help, format views and tab completion included.'
        }
    }
}
